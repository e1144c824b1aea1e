# IT 2027, mid-year review: the department of examples/it-department,
# re-planned in July. The steering committee records where each project of
# the spring plan stands and plans the rest of the horizon from the status
# date (as_of): nothing new starts before 2027-Q3, and 2027-Q1..Q2 are
# history. See README.md for what the plan shows.
#
#   roadmap.hcl      planning frame and the status date
#   projects.hcl     the projects, with their status and progress
#   checks.hcl       policies, one of them on the portal's overrun
#   (the other files as in examples/it-department)
#
# Try: roadmap plan .                    the plan from the status date
#      roadmap plan --as-of 2027-Q4 .    the same records read a quarter later

roadmap {
  name     = "IT 2027, mid-year"
  currency = "EUR"

  # Quarters are the grain the steering committee decides in. Eight of them
  # cover this year and the next, so projects that start late in 2027 can
  # still be seen to finish.
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 8

  # The finance department's cost of capital: NPVs discount at 8% a year.
  discount_rate = 0.08

  # The status date: the plan is re-made at the start of the third quarter.
  as_of = "2027-Q2"

  # "value": rank by score (alignment, value, safety) and fund the best.
  # The alternatives are "safety" (least risky first) and "calculated_risk"
  # (one high-value flagship, then the safest).
  strategy = "value"

  # A project whose combined risk score is above this is not taken on.
  risk_appetite = var.risk_appetite

  # Capabilities already in place. A project that requires anything else
  # needs a vendor or an earlier project that provides it.
  stack = ["vm", "postgres", "m365", "erp_core", "webshop"]

  # The default weights, written out so the steering committee sees them.
  scoring {
    alignment = 0.5
    value     = 0.3
    safety    = 0.2
  }

  # Built-in policies: every scheduled project must serve a goal.
  policy {
    require_goal = true
  }
}
