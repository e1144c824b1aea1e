roadmap {
  name  = "Test"
  start = "2027-01"
}

vendor "acme_crm" {
  category = "crm"
}

evaluation "crm" {
  candidates = [vendor.acme_crn, vendor.acme_crm]
  criteria   = { cost = 1 }
}
