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
