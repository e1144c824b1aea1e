# Policies the finished plan must meet, evaluated after scheduling. They
# see the plan as plan.projects[id] (status, rank, start, end, cost, npv,
# ...), plan.totals and plan.periods. A failing "error" check fails
# `roadmap plan` (exit status 1); a "warning" is reported only.

check "nis2_before_audit" {
  condition     = plan.projects["nis2_compliance"].status == "scheduled"
  error_message = "The NIS2 programme must be scheduled to finish before the 2028 audit."
  severity      = "error"
}

check "focus" {
  # More than five projects in flight at once and nothing gets finished.
  condition     = plan.totals.peak_parallel <= 5
  error_message = "More than five projects run at the same time (${plan.totals.peak_parallel}); consider sequencing them."
  severity      = "warning"
}

check "portal_overrun" {
  # Work in progress reports actual + estimate to complete = estimate at
  # completion; the variance is the original estimate minus that.
  condition     = plan.projects["c_customer_portal"].progress.variance_at_completion > -200000
  error_message = "The customer portal is forecast to overrun its original estimate by more than EUR 200,000."
  severity      = "warning"
}
