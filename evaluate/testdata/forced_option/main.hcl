roadmap {
  name          = "Acme IT 2027"
  currency      = "EUR"
  start         = "2027-Q1"
  period        = "quarter"
  horizon       = 8
  discount_rate = 0.08
  strategy      = "value"
  risk_appetite = 0.5
  stack         = ["email", "network"]
  policy {
    max_team_utilization = 0.9
  }
}

goal "cut_costs" {
  title  = "Cut operating costs"
  weight = 3
}

goal "grow" {
  title  = "Grow revenue"
  weight = 2
}

department "finance" {
  title = "Finance"
  head  = "CFO"
}

department "sales" {
  title = "Sales"
  head  = "Head of Sales"
}

team "apps" {
  capacity     = 5
  cost_per_fte = 30000
  max_parallel = 2
}

team "infra" {
  capacity     = 3
  cost_per_fte = 28000
}

budget "capex" {
  amount = 1500000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 400000
  per    = "year"
}

vendor "saleshub" {
  title    = "SalesHub SaaS"
  provides = ["crm"]
  one_time = 20000
  annual   = 90000
}

system "erp_legacy" {
  title          = "ERP 2012"
  owner          = department.finance
  vendor         = "OldSoft"
  provides       = ["erp"]
  end_of_support = "2027-Q3"
  run_cost {
    per_year = 120000
  }
  risk {
    security = 0.2
  }
}

system "crm_legacy" {
  title          = "CRM 2010"
  owner          = department.sales
  vendor         = "Siebelish"
  provides       = ["crm"]
  end_of_support = "2026-12-31"
  run_cost {
    per_year = 80000
  }
  risk {
    failure = 0.3
  }
}

system "backup" {
  title    = "Tape backup"
  provides = ["backup"]
  run_cost {
    per_year = 15000
  }
}

project "erp_upgrade" {
  title       = "ERP upgrade"
  goals       = { cut_costs = 0.8 }
  endorsed_by = [department.finance]
  duration    = 3
  effort      = { apps = 2, infra = 1 }
  funding     = budget.capex
  replaces    = [system.erp_legacy]
  provides    = ["erp"]
  cost {
    one_time = 200000
    per_year = 60000
  }
  benefit {
    per_year = 50000
  }
  risk {
    failure = 0.2
  }
}

project "build_crm" {
  title       = "Build our own CRM"
  goals       = { grow = 0.9 }
  endorsed_by = [department.sales]
  duration    = 4
  effort      = { apps = 3 }
  funding     = budget.capex
  replaces    = [system.crm_legacy]
  provides    = ["crm"]
  cost {
    one_time = 100000
    per_year = 30000
  }
  benefit {
    per_year = 150000
  }
  risk {
    failure = 0.3
  }
}

project "buy_crm" {
  title       = "Buy SalesHub"
  goals       = { grow = 0.8 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { apps = 1 }
  vendor      = vendor.saleshub
  funding     = budget.capex
  replaces    = [system.crm_legacy]
  cost {
    one_time = 30000
  }
  benefit {
    per_year = 150000
  }
  risk {
    failure = 0.1
  }
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}

project "data_pilot" {
  title       = "Data platform pilot"
  goals       = { grow = 0.5 }
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { apps = 1 }
  funding     = budget.capex
  together    = [project.data_rollout]
  cost {
    one_time = 20000
  }
}

project "data_rollout" {
  title       = "Data platform rollout"
  goals       = { grow = 0.6 }
  endorsed_by = [department.sales]
  duration    = 3
  depends_on  = [project.data_pilot]
  effort      = { apps = 2, infra = 1 }
  funding     = budget.capex
  cost {
    one_time = 150000
  }
  benefit {
    per_year = 120000
  }
}

project "nis2" {
  title     = "NIS2 compliance"
  mandatory = true
  duration  = 2
  effort    = { infra = 1 }
  funding   = budget.capex
  cost {
    one_time = 40000
  }
}

project "backup_cloud" {
  title       = "Cloud backup"
  goals       = { cut_costs = 0.3 }
  endorsed_by = [department.finance]
  duration    = 2
  effort      = { infra = 1 }
  funding     = budget.capex
  replaces    = [system.backup]
  cost {
    one_time = 10000
    per_year = 5000
  }
}

project "intranet_redesign" {
  title       = "Intranet redesign"
  goals       = { grow = 0.1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { apps = 1 }
  funding     = budget.capex
  excluded    = true
  cost {
    one_time = 50000
  }
}
