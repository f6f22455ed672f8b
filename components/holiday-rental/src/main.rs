//! `holiday-rental`: registratie vakantieverhuur as a standalone service.

/// The allocator of this binary (a library does not choose one): mimalloc, since glibc's malloc
/// took a fifth of the CPU under load (many small, short-lived allocations freed on other
/// threads than they were made on).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    platform::component::main::<holiday_rental::HolidayRental>()
}
