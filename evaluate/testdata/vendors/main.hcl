# Two vendor selections: "crm" has a winner whose prices and capabilities
# flow into "crm_migration"; nobody reaches "itsm"'s minimum, so
# "service_desk" fails viability.
roadmap {
  name          = "Vendors"
  currency      = "EUR"
  start         = "2027-Q1"
  horizon       = 8
  discount_rate = 0.08
  stack         = ["sso"]
}

goal "grow" {
  weight = 1
}

team "platform" {
  capacity     = 4
  cost_per_fte = 32000
}

# tco over 3 years: 40,000 + 3 x 90,000 = 310,000
vendor "acme_crm" {
  title    = "ACME CRM"
  category = "crm"
  one_time = 40000
  annual   = 90000
  provides = ["crm"]
  scores   = { features = 4, support = 3, compatibility = 5 }
}

# tco: 10,000 + 3 x 80,000 = 250,000, the cheapest: cost score 5
vendor "budget_crm" {
  title    = "Budget CRM"
  category = "crm"
  one_time = 10000
  annual   = 80000
  provides = ["crm"]
  scores   = { features = 3, support = 4, compatibility = 4 }
}

evaluation "crm" {
  category      = "crm"
  criteria      = { features = 0.4, support = 0.2, compatibility = 0.2, cost = 0.2 }
  minimum_score = 3
  years         = 3
}

vendor "desk_one" {
  category = "itsm"
  annual   = 20000
  provides = ["itsm"]
  scores   = { fit = 2 }
}

vendor "desk_two" {
  category = "itsm"
  annual   = 30000
  provides = ["itsm"]
  scores   = { fit = 3, cost = 1 }
}

evaluation "itsm" {
  candidates    = [vendor.desk_one, vendor.desk_two]
  criteria      = { fit = 0.5, cost = 0.5 }
  minimum_score = 4
}

vendor "wiki_co" {
  title    = "Wiki Co"
  one_time = 5000
  annual   = 6000
  provides = ["wiki"]
}

project "crm_migration" {
  goals    = { grow = 1 }
  requires = ["sso", "crm"]
  vendor   = evaluation.crm
  duration = 3
  effort   = { platform = 2 }
  cost {
    one_time = 150000
    per_year = 20000
  }
  benefit {
    per_year     = 400000
    ramp_periods = 2
  }
  risk {
    failure = 0.25
  }
}

project "service_desk" {
  goals    = { grow = 0.5 }
  requires = ["itsm"]
  vendor   = evaluation.itsm
  duration = 2
  effort   = { platform = 1 }
  benefit {
    per_year = 100000
  }
}

project "knowledge_base" {
  goals    = { grow = 0.2 }
  requires = ["wiki"]
  vendor   = vendor.wiki_co
  duration = 1
  effort   = { platform = 1 }
  benefit {
    per_year = 30000
  }
}
