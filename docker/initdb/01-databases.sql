-- one database per component: data stays with the component that owns it
CREATE DATABASE registry_proxy;
CREATE DATABASE holiday_rental;
CREATE DATABASE household_budget;
CREATE DATABASE catalog;
