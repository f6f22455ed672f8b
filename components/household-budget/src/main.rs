//! `household-budget`: the huishoudboekje as a standalone service.

fn main() -> std::process::ExitCode {
    platform::component::main::<household_budget::HouseholdBudget>()
}
