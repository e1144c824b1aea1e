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
  title          = "CRM 2010"
  provides       = ["crm"]
  end_of_support = "2028-Q4"
  run_cost {
    per_year = 80000
  }
}

project "erp_upgrade" {
  title    = "ERP upgrade"
  goals    = { cut_costs = 0.8 }
  duration = 3
  effort   = { apps = 2 }
  replaces = [system.erp_legacy]
  cost {
    one_time = 200000
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
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}
