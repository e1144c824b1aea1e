# What the organisation wants, who asks, who does the work, who pays.

# A goal projects contribute to; weight says how much it matters.
goal "cut_costs" {
  title  = "Cut operating costs"
  weight = 2
}

# A department endorses (or opposes) projects.
department "finance" {
  title = "Finance"
  head  = "CFO"
}

# A team and what it can do each quarter.
team "platform" {
  capacity     = 4                 # FTE available each quarter
  cost_per_fte = local.fte_quarter # cost of one FTE for one quarter
}

# Where the money comes from.
budget "capex" {
  amount = var.capex
  per    = "year"
}
