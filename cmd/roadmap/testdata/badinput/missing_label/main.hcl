roadmap {
  name  = "Bad input"
  start = "2027-01"
}
goal "growth" {
  weight = 1
}
department "sales" {
  title = "Sales"
}
team "platform" {
  capacity     = 4
  cost_per_fte = 30000
}
project {
  duration = 1
}
