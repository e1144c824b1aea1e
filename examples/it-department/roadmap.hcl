# IT 2027: the roadmap an IT manager prepares in the autumn for the year
# ahead. The files of this directory are read together, in lexical order;
# each holds one kind of block, the way a team splits the work:
#
#   roadmap.hcl      planning frame: calendar, money, strategy
#   variables.hcl    inputs that change between scenarios (budgets, rates)
#   goals.hcl        what the board wants this year
#   departments.hcl  who asks for projects, and who can veto them
#   teams.hcl        who does the work, and how much of it they can do
#   budgets.hcl      where the money comes from
#   vendors.hcl      tool selections (RFPs) with scoring matrices
#   projects.hcl     the candidate projects
#   checks.hcl       policies the finished plan must meet
#   scenarios.hcl    what-ifs to compare with the plan (roadmap compare)
#
# Try: roadmap plan .   or, for a tighter year:
#      roadmap plan --var-file example.vars.hcl .

roadmap {
  name     = "IT 2027"
  currency = "EUR"

  # Quarters are the grain the steering committee decides in. Eight of them
  # cover this year and the next, so projects that start late in 2027 can
  # still be seen to finish.
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 8

  # The finance department's cost of capital: NPVs discount at 8% a year.
  discount_rate = 0.08

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
