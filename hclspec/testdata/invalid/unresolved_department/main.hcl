roadmap {
  name  = "Test"
  start = "2027-01"
}

department "sales" {
  title = "Sales"
}

department "finance" {
  title = "Finance"
}

project "p" {
  duration    = 1
  endorsed_by = [department.salse]
  opposed_by  = [department.legal]
}
