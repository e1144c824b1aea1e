# Vendors, the selection that picks one, and the candidate projects.

# A vendor and its price; scores are 0..5 per criterion.
vendor "acme_backup" {
  title    = "ACME Backup"
  category = "backup"
  one_time = 20000
  annual   = 15000
  provides = ["backup"]
  scores   = { features = 4, support = 3 }
}

# A vendor selection: weighted criteria, a minimum score, the years of
# total cost of ownership compared.
evaluation "backup" {
  category      = "backup"
  criteria      = { features = 0.5, support = 0.3, cost = 0.2 }
  minimum_score = 2.5
  years         = 3
}

# A candidate project: what it serves, who wants it, what it needs, what it
# costs and earns, and how risky it is.
project "cloud_backup" {
  title       = "Move backups to the cloud"
  goals       = { cut_costs = 0.6 }
  endorsed_by = [department.finance]
  requires    = ["backup"]
  vendor      = evaluation.backup
  duration    = "6 months"
  effort      = { platform = 2 }

  cost { one_time = 50000 }
  benefit {
    per_year     = 120000
    ramp_periods = 1
    years        = 3
  }
  risk {
    failure    = 0.1
    disruption = 0.2
  }
}

# A second project that can only start once the first is done.
project "retire_tape" {
  title       = "Retire the tape library"
  goals       = { cut_costs = 0.4 }
  endorsed_by = [department.finance]
  depends_on  = [project.cloud_backup]
  replaces    = [system.tape_library] # its run cost stops at go-live
  duration    = 1
  effort      = { platform = 1 }

  cost { one_time = 10000 }
  benefit { per_year = 30000 }
  risk { failure = 0.05 }
}
