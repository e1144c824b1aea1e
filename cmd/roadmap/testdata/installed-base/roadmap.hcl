roadmap {
  name          = "Installed base"
  currency      = "EUR"
  start         = "2027-Q1"
  period        = "quarter"
  horizon       = 8
  discount_rate = 0.08
}

goal "cut_costs" {
  weight = 3
}

goal "grow" {
  weight = 2
}

budget "opex" {
  kind   = "opex"
  amount = 400000
  per    = "year"
}

team "apps" {
  capacity     = 4
  cost_per_fte = 30000
}

system "erp_legacy" {
  title          = "ERP 2012"
  provides       = ["erp"]
  end_of_support = "2027-Q3"
  run_cost {
    per_year = 120000
  }
}

system "crm_legacy" {
  title          = "=HYPERLINK(\"http://x\",\"CRM\")"
  provides       = ["crm"]
  end_of_support = "2028-Q4"
  run_cost {
    per_year = 80000
  }
}

system "fax" {
  title          = "Fax server"
  end_of_support = "2028-Q1"
  run_cost {
    per_year = 5000
  }
}

project "erp_upgrade" {
  title       = "ERP upgrade"
  goals       = { cut_costs = 0.8 }
  duration    = 3
  effort      = { apps = 2 }
  replaces    = [system.erp_legacy]
  run_funding = budget.opex
  cost {
    one_time = 200000
    per_year = 30000
  }
}

project "build_crm" {
  title    = "Build our own CRM"
  goals    = { grow = 0.5 }
  duration = 4
  effort   = { apps = 2 }
  replaces = [system.crm_legacy]
  cost {
    one_time = 100000
  }
}

project "buy_crm" {
  title    = "Buy SalesHub"
  goals    = { grow = 0.8 }
  duration = 2
  effort   = { apps = 1 }
  replaces = [system.crm_legacy]
  cost {
    one_time = 30000
    per_year = 40000
  }
  run_funding = budget.opex
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}

project "data_pilot" {
  title    = "Data platform pilot"
  goals    = { grow = 0.5 }
  duration = 1
  effort   = { apps = 1 }
  together = [project.data_rollout]
  cost {
    one_time = 20000
  }
}

project "data_rollout" {
  title       = "Data platform rollout"
  goals       = { grow = 0.6 }
  duration    = 2
  depends_on  = [project.data_pilot]
  effort      = { apps = 1 }
  run_funding = budget.opex
  cost {
    one_time = 50000
    per_year = 12000
  }
}
