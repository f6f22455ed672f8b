//! `holiday-rental`: registratie vakantieverhuur as a standalone service.

fn main() -> std::process::ExitCode {
    platform::component::main::<holiday_rental::HolidayRental>()
}
