//! The port for ordering on behalf of other employees.

use std::sync::Arc;

use crate::{error::AppError, model::acting::EmployeeSearch};

/// Choosing whom to act for. Only people MOBPROC lets act for others may; the BFF
/// refuses everyone else itself.
#[async_trait::async_trait]
pub trait ActingBackend: Send + Sync + 'static {
    /// Page `page` (from 1) of the employees whose name, email or company employee id
    /// contains `query` (all of them when it is empty).
    async fn search_employees(
        &self,
        query: String,
        page: usize,
    ) -> Result<EmployeeSearch, AppError>;
    /// Acts for employee `employee_id` from now on.
    async fn start_acting(&self, employee_id: String) -> Result<(), AppError>;
    /// Acts for oneself again.
    async fn stop_acting(&self) -> Result<(), AppError>;
}

/// The acting BFF of this request.
pub fn acting() -> Result<Arc<dyn ActingBackend>, AppError> {
    super::port()
}
