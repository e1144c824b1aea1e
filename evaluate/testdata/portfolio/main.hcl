# Portfolio constraints: a build-or-buy choice whose better option depends
# on another project, a pilot that only makes sense with its rollout, a
# parked project, and a team that runs two projects at once.
roadmap {
  name          = "Portfolio constraints"
  currency      = "EUR"
  start         = "2027-Q1"
  horizon       = 6
  risk_appetite = 0.5
}

goal "growth" {
  weight = 1
}

team "apps" {
  capacity     = 6
  max_parallel = 2
  cost_per_fte = 10000
}

budget "capex" {
  amount = 1000000
  per    = "total"
}

project "data_lake" {
  goals    = { growth = 0.6 }
  duration = 2
  effort   = { apps = 1 }
  benefit {
    per_year = 80000
  }
}

project "build_crm" {
  goals      = { growth = 1 }
  depends_on = [project.data_lake]
  duration   = 2
  effort     = { apps = 2 }
  benefit {
    per_year = 300000
  }
}

project "buy_crm" {
  goals    = { growth = 1 }
  duration = 1
  effort   = { apps = 1 }
  benefit {
    per_year = 200000
  }
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}

project "pilot" {
  goals    = { growth = 0.5 }
  duration = 1
  effort   = { apps = 1 }
  together = [project.rollout]
  benefit {
    per_year = 50000
  }
}

project "rollout" {
  goals    = { growth = 0.5 }
  duration = 5
  effort   = { apps = 1 }
  benefit {
    per_year = 60000
  }
}

project "portal" {
  goals    = { growth = 0.8 }
  duration = 2
  effort   = { apps = 1 }
  benefit {
    per_year = 150000
  }
}

project "legacy_cleanup" {
  goals    = { growth = 0.3 }
  duration = 1
  effort   = { apps = 1 }
  excluded = true
  benefit {
    per_year = 90000
  }
}

project "risky_ai" {
  goals    = { growth = 1 }
  duration = 1
  effort   = { apps = 1 }
  benefit {
    per_year = 400000
  }
  risk {
    failure = 0.7
  }
}
