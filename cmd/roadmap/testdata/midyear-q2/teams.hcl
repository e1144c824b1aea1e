# Who does the work. Capacity is in FTE (full-time people) available each
# quarter after run work (support, on-call, patching) is taken out; a
# project's effort is FTE per quarter for as long as it runs.

team "platform" {
  title        = "Platform and infrastructure"
  capacity     = 5
  cost_per_fte = local.fte_quarter["platform"]

  # Summers are thin: half the team is on holiday in July and August.
  capacity_by_period = {
    "2027-Q3" = 3
    "2028-Q3" = 3
  }
}

team "apps" {
  # Six people: enough for two of the big application projects at once,
  # never three. This is what makes A, C and D compete (see projects.hcl).
  title        = "Business applications"
  capacity     = 6 + var.apps_hires # scenario two_hires adds two
  cost_per_fte = local.fte_quarter["apps"]
}

team "workplace" {
  title        = "Workplace and service desk"
  capacity     = 4
  cost_per_fte = local.fte_quarter["workplace"]
}
