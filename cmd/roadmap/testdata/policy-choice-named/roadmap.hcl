# policy-choice with the flagship named: the optimiser weighs the choice
# itself (it does not keep it as the flagship), and its reason says the
# policy counted.
roadmap {
  flagship      = project.intranet
  name          = "Acme IT"
  start         = "2027-Q1"
  period        = "quarter"
  horizon       = 8
  currency      = "EUR"
  discount_rate = 0.08
  risk_appetite = 0.5
  policy {
    replace_before_end_of_support = true
  }
}

department "sales" {
  title = "Sales"
}

goal "grow" {
  title  = "Grow revenue"
  weight = 1
}

team "apps" {
  title        = "Applications"
  capacity     = 4
  cost_per_fte = 25000
  max_parallel = 2
}

team "ops" {
  capacity     = 3
  cost_per_fte = 20000
}

system "crm_old" {
  title          = "Old CRM"
  owner          = department.sales
  vendor         = "Siebel"
  provides       = ["crm"]
  end_of_support = "2027-Q2"
  run_cost {
    per_year = 120000
  }
  risk {
    security = 0.3
  }
}

project "build_crm" {
  endorsed_by = [department.sales]
  title       = "Build our own CRM"
  duration    = 4
  effort      = { apps = 2 }
  goals       = { grow = 0.8 }
  replaces    = [system.crm_old]
  benefit {
    per_year = 200000
    years    = 5
  }
}

project "buy_crm" {
  endorsed_by = [department.sales]
  title       = "Buy a SaaS CRM"
  duration    = 2
  effort      = { apps = 1 }
  goals       = { grow = 0.7 }
  replaces    = [system.crm_old]
  cost {
    per_year = 60000
  }
  benefit {
    per_year = 200000
    years    = 5
  }
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}

project "pilot" {
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { ops = 1 }
  goals       = { grow = 0.3 }
  together    = [project.rollout]
}

project "rollout" {
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { ops = 2, apps = 1 }
  goals       = { grow = 0.4 }
  depends_on  = [project.pilot]
}

project "reports" {
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { apps = 1 }
  goals       = { grow = 0.2 }
  requires    = ["crm"]
}

project "intranet" {
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { apps = 1 }
  goals       = { grow = 0.1 }
}
