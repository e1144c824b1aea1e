vendor "acme_crm" {
  title    = "ACME CRM"
  category = "crm"
  one_time = 40000
  annual   = 90000
  provides = ["crm"]
  scores   = { features = 4, support = 3, compatibility = 5 }
}

vendor "other_crm" {
  title    = "Other CRM"
  category = "crm"
  one_time = 10000
  annual   = 120000
  provides = ["crm"]
  scores   = { features = 3, support = 4, compatibility = 3 }
}

evaluation "crm" {
  category      = "crm"
  candidates    = [vendor.acme_crm, vendor.other_crm]
  criteria      = { features = 0.4, support = 0.2, compatibility = 0.2, cost = 0.2 }
  minimum_score = 3
  years         = 3
}
