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

# A system of the installed base: who owns it, when its vendor's support
# ends and what it costs to run. A project that replaces it retires it at
# go-live; roadmap audit shows each system's replacement and any gap.
system "tape_library" {
  title          = "Tape library"
  owner          = department.finance
  vendor         = "TapeCo"
  end_of_support = "2028-Q2"
  run_cost { per_year = 12000 }
}
