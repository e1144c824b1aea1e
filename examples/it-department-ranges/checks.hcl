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

# Checks that read simulation.* are evaluated by `roadmap simulate` only
# (roadmap plan leaves them out). They see the simulation's JSON fields:
# simulation.projects.<id>.chance_meets_deadline, .p80_end_period, ...,
# simulation.portfolio.npv.p10, simulation.budgets.<id>.chance_overrun.

check "nis2_on_time" {
  # The board wants four chances in five of passing the 2028 audit.
  condition     = simulation.projects.nis2_compliance.chance_meets_deadline >= 0.8
  error_message = "NIS2 finishes by its deadline in only ${format("%.0f", simulation.projects.nis2_compliance.chance_meets_deadline * 100)}% of the runs; the board wants 80%."
  severity      = "warning"
}

check "security_programme_holds" {
  # The CFO wants nine chances in ten that the ring-fenced money suffices.
  condition     = simulation.budgets.security.chance_overrun <= 0.1
  error_message = "The security programme overruns in ${format("%.0f", simulation.budgets.security.chance_overrun * 100)}% of the runs if the plan is followed as committed."
  severity      = "warning"
}
