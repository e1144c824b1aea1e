project "sso" {
  title       = "Single sign-on"
  goals       = { secure = 1 }
  endorsed_by = [department.finance]
  provides    = ["sso"]
  deadline    = "2027-Q3"
  duration    = 3
  effort      = { platform = 2 }
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 120000
    years    = 5
  }
}

project "crm_migration" {
  title       = "Move sales to a hosted CRM"
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  depends_on  = [project.sso]
  requires    = ["sso", "crm"]
  vendor      = evaluation.crm
  duration    = 2
  effort      = { apps = 2 }
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 300000
    years    = 5
  }
}

project "erp_upgrade" {
  title       = "Upgrade the ERP"
  goals       = { grow = 0.9 }
  endorsed_by = [department.finance]
  duration    = 2
  effort      = { apps = 2 }
  cost {
    one_time = 120000
  }
  benefit {
    per_year = 60000
    years    = 5
  }
}

project "wiki" {
  title       = "Company wiki"
  goals       = { grow = 0.1, secure = 0.1 }
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { platform = 2 }
  deadline    = "2027-Q1"
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 20000
    years    = 3
  }
}

project "self_service" {
  title       = "Self-service portal"
  goals       = { grow = 0.5 }
  endorsed_by = [department.sales]
  opposed_by  = [department.finance]
  duration    = 1
  effort      = { apps = 1 }
  cost {
    one_time = 50000
  }
  benefit {
    per_year = 90000
    years    = 4
  }
}

project "backups" {
  title       = "Off-site backups"
  goals       = { secure = 0.6 }
  endorsed_by = [department.finance]
  duration    = 1
  effort      = { platform = 1 }
  cost {
    one_time = 40000
  }
  benefit {
    per_year = 30000
    years    = 5
  }
}

project "mobile_app" {
  title       = "Field service app"
  goals       = { grow = 0.4 }
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { apps = 1 }
  cost {
    one_time = 60000
  }
  benefit {
    per_year = 80000
    years    = 4
  }
}
