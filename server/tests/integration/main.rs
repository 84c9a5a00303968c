//! The storefront's integration tests, in one binary: a sandbox and a server of each
//! test's own, on ephemeral loopback ports.

#[path = "../support/mod.rs"]
mod support;

mod acting;
mod bounded_work;
mod caching;
mod cart;
mod catalog;
mod catalog_size;
mod checkout;
mod configuration;
mod content_limits;
mod instance_processes;
mod instances;
mod mobproc_calls;
mod new_lines;
mod no_secrets;
mod orders;
mod security;
mod session_rules;
mod sign_in;
mod static_files;
mod statuses;
mod submit;
mod throttling;
