//! On whose behalf a call is made, and how it is traced (API.md §3, §4).

/// The context headers of one call. Every field is optional; see API.md §4 for who the
/// actor is when none is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallContext {
    /// `X-TNGO-CONTEXT-EMPLOYEEID`: act for this employee (MOBPROC id).
    pub employee_id: Option<String>,
    /// `X-TNGO-CONTEXT-COMPANYEMPLOYEEID`: act for this employee (customer id, e.g. an email).
    /// Sent only when `employee_id` is not set, since MOBPROC would ignore it anyway.
    pub company_employee_id: Option<String>,
    /// `X-TNGO-CONTEXT-HIERARCHYID`.
    pub hierarchy_id: Option<String>,
    /// `X-TNGO-CONTEXT-ACTIVITYID`: one value for every call of a flow, e.g. one checkout.
    pub activity_id: Option<String>,
    /// `X-TNGO-CONTEXT-CORRELATIONID`: a unique value per call (API.md §3); a fresh UUID
    /// per call when absent.
    pub correlation_id: Option<String>,
    /// The id of the caller's own request the call serves: never sent, only logged beside
    /// the call's correlation id, so one request's calls can be found together.
    pub request_id: Option<String>,
}

impl CallContext {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_employee_id(mut self, id: impl Into<String>) -> Self {
        self.employee_id = Some(id.into());
        self
    }

    pub fn with_company_employee_id(mut self, id: impl Into<String>) -> Self {
        self.company_employee_id = Some(id.into());
        self
    }

    pub fn with_hierarchy_id(mut self, id: impl Into<String>) -> Self {
        self.hierarchy_id = Some(id.into());
        self
    }

    pub fn with_activity_id(mut self, id: impl Into<String>) -> Self {
        self.activity_id = Some(id.into());
        self
    }

    pub fn with_correlation_id(mut self, id: impl Into<String>) -> Self {
        self.correlation_id = Some(id.into());
        self
    }

    pub fn with_request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = Some(id.into());
        self
    }

    /// The correlation id this call will carry.
    pub(crate) fn correlation_id_or_new(&self) -> String {
        self.correlation_id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
    }
}
