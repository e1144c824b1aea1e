roadmap {
  name  = "Test"
  start = "2027-01"
}

vendor "acme_crm" {
  category = "crm"
}

evaluation "crm" {
  category = "crm"
  criteria = { cost = 1 }
}

project "a" {
  duration = 1
  vendor   = evaluation.crn
}

project "b" {
  duration = 1
  vendor   = vendor.acme
}
