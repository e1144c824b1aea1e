# One project per gate failure. "portal" passes every gate; "audit" is
# mandatory, so it skips alignment, departments, risk and value.
roadmap {
  name          = "Gates"
  currency      = "EUR"
  start         = "2027-Q1"
  horizon       = 8
  risk_appetite = 0.4
  stack         = ["sso"]
}

goal "cut_costs" {
  weight = 2
}

goal "grow" {
  weight = 1
}

department "finance" {
  title = "Finance"
  head  = "CFO office"
}

department "sales" {
  title = "Sales"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 30000
}

budget "capex" {
  amount = 500000
  per    = "total"
}

project "portal" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  requires    = ["sso"]
  duration    = 2
  effort      = { platform = 2 }
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
  risk {
    failure = 0.1
  }
}

# alignment: contributes to no goal
project "gadget" {
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { platform = 1 }
}

# departments: finance opposes it
project "ledger" {
  goals       = { cut_costs = 1 }
  endorsed_by = [department.sales]
  opposed_by  = [department.finance]
  duration    = 1
}

# departments: nobody endorses it
project "intranet" {
  goals    = { cut_costs = 0.5 }
  duration = 1
}

# viability: no vendor, stack or dependency provides "crm"
project "crm" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  requires    = ["sso", "crm"]
  duration    = 1
}

# viability: its dependency is dropped
project "crm_reports" {
  goals       = { grow = 0.5 }
  endorsed_by = [department.sales]
  depends_on  = [project.crm]
  duration    = 1
}

# resources: needs 6 FTE of a 4 FTE team
project "datalake" {
  goals       = { grow = 0.5 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 6 }
}

# risk: 1 - 0.8 x 0.7 = 0.44 > 0.4
project "moonshot" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 1 }
  benefit {
    per_year = 1000000
  }
  risk {
    disruption = 0.2
    failure    = 0.3
  }
}

# every gate runs: no goal (alignment), finance opposes it (departments),
# too big for the team (resources) and too risky (risk); the first decides
# its status, the plan lists all four
project "kitchen_sink" {
  endorsed_by = [department.sales]
  opposed_by  = [department.finance]
  duration    = 2
  effort      = { platform = 6 }
  risk {
    failure = 0.5
  }
}

# mandatory: no goal, no endorsement, risky, and still scheduled
project "audit" {
  mandatory = true
  duration  = 1
  effort    = { platform = 1 }
  cost {
    one_time = 20000
  }
  risk {
    security = 0.6
  }
}
