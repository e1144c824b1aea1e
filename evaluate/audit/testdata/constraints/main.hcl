# Systems and choices together: a CRM out of support before the roadmap,
# replaced by either option of a build-or-buy choice (each with a
# follow-up that depends on it); a mail server never replaced; tape
# backup replaced by two projects; a file server supported past the
# horizon, replaced by a project that requires what it provides.
roadmap {
  name          = "Attack: constraints"
  currency      = "EUR"
  start         = "2027-Q1"
  horizon       = 8
  risk_appetite = 0.5
  stack         = ["network"]
  policy {
    replace_before_end_of_support = true
  }
}

goal "ops" {
  weight = 1
}

department "sales" {
  title = "Sales"
}

team "apps" {
  capacity     = 6
  max_parallel = 2
  cost_per_fte = 10000
}

team "infra" {
  capacity     = 4
  cost_per_fte = 10000
}

budget "capex" {
  amount = 2000000
  per    = "total"
}

system "crm_old" {
  title          = "Old CRM"
  owner          = department.sales
  provides       = ["crm"]
  end_of_support = "2026-Q2" # before the roadmap
  run_cost {
    per_year = 40000
  }
  risk {
    security = 0.3
  }
}

system "mail" {
  title          = "Mail server"
  provides       = ["mail"]
  end_of_support = "2027-Q3" # inside the horizon, never replaced
  run_cost {
    per_year = 5000
  }
}

system "tape" {
  title          = "Tape backup"
  provides       = ["backup"]
  end_of_support = "2027-Q2"
  run_cost {
    per_year = 20000
  }
}

system "fileserver" {
  title          = "File server"
  provides       = ["files"]
  end_of_support = "2031-Q1" # past the horizon
  run_cost {
    per_year = 1000
  }
}

# Build or buy, each with a follow-up that depends on the option.
project "build_crm" {
  endorsed_by = [department.sales]
  goals       = { ops = 1 }
  duration    = 3
  effort      = { apps = 2 }
  replaces    = [system.crm_old]
  benefit {
    per_year = 300000
  }
}

project "buy_crm" {
  endorsed_by = [department.sales]
  goals       = { ops = 1 }
  duration    = 1
  effort      = { apps = 1 }
  replaces    = [system.crm_old]
  benefit {
    per_year = 250000
  }
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}

project "crm_integration" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.5 }
  duration    = 1
  effort      = { apps = 1 }
  depends_on  = [project.build_crm]
  benefit {
    per_year = 50000
  }
}

project "vendor_training" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.5 }
  duration    = 1
  effort      = { infra = 1 }
  depends_on  = [project.buy_crm]
  benefit {
    per_year = 20000
  }
}

# Two projects replacing the same system.
project "cloud_backup" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.8 }
  duration    = 2
  effort      = { infra = 1 }
  replaces    = [system.tape]
  benefit {
    per_year = 60000
  }
}

project "disk_backup" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.6 }
  duration    = 1
  effort      = { infra = 1 }
  replaces    = [system.tape]
  benefit {
    per_year = 30000
  }
}

# A pilot and its rollout: together, the rollout too long to fit.
project "pilot" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.4 }
  duration    = 1
  effort      = { apps = 1 }
  together    = [project.rollout]
  benefit {
    per_year = 10000
  }
}

project "rollout" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.4 }
  duration    = 9
  effort      = { apps = 1 }
  benefit {
    per_year = 10000
  }
}

# Needs what the system it replaces provides.
project "files_migration" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.3 }
  duration    = 1
  effort      = { infra = 1 }
  requires    = ["files"]
  replaces    = [system.fileserver]
  benefit {
    per_year = 5000
  }
}

project "mail_archive" {
  endorsed_by = [department.sales]
  goals       = { ops = 0.2 }
  duration    = 1
  effort      = { infra = 1 }
  requires    = ["mail"]
  benefit {
    per_year = 5000
  }
}
