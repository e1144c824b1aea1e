roadmap {
  name  = "Bad input"
  start = "2027-01"
}
vendor "v" {
  category = "crm"
}
evaluation "crm" {
  category = "crm"
  criteria = { cost = 1 }
  years    = 1e9
}
