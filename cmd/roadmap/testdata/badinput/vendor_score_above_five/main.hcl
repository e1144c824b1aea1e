roadmap {
  name  = "Bad input"
  start = "2027-01"
}
vendor "v" {
  category = "crm"
  scores   = { features = 7 }
}
