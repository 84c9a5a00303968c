//! Ordering on behalf of another employee: whom, and how to find them.

use serde::{Deserialize, Serialize};

/// The employee the signed-in person orders for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    pub department: Option<String>,
}

/// One employee found by a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeResult {
    /// MOBPROC's employee id: the only thing a switch sends.
    pub id: String,
    pub name: String,
    pub department: Option<String>,
    pub email: Option<String>,
    pub company_employee_id: Option<String>,
}

/// A page of the employees matching a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeSearch {
    pub query: String,
    pub results: Vec<EmployeeResult>,
    /// How many employees match in all.
    pub total: usize,
    /// This page's number, from 1.
    pub page: usize,
    pub pages: usize,
    /// Only part of the employees could be searched: the person should refine it.
    pub incomplete: bool,
}
