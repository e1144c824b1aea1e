roadmap {
  name  = "Test"
  start = "2027-01"
}

vendor "acme" {
  category = "crm"
  scores   = { features = 6, support = -1, price = 5 }
}
