# Written by roadmap import. Check every TODO, then run roadmap plan.

roadmap {
  name  = "jira"
  start = "2027-Q1"
}

goal "compliance" {
  title  = "compliance"
  weight = 1
  # TODO: weight: how much this goal counts against the others
}

goal "cut_costs" {
  title  = "cut_costs"
  weight = 1
  # TODO: weight: how much this goal counts against the others
}

goal "productive_staff" {
  title  = "productive_staff"
  weight = 1
  # TODO: weight: how much this goal counts against the others
}

team "platform" {
  title        = "platform"
  capacity     = 1
  cost_per_fte = 0
  # TODO: capacity (FTE each period) and cost_per_fte (the cost of one FTE for one period)
}
