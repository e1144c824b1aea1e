vendor "acme_crm" {
  title    = "ACME CRM"
  category = "crm"
  one_time = 40000
  annual   = 60000
  provides = ["crm"]
  scores   = { features = 2, support = 3 }
}

vendor "other_crm" {
  title    = "Other CRM"
  category = "crm"
  one_time = 20000
  annual   = 50000
  provides = ["crm"]
  scores   = { features = 3, support = 4 }
}

evaluation "crm" {
  category      = "crm"
  criteria      = { features = 0.6, support = 0.4 }
  minimum_score = 2
  years         = 3
}
