roadmap {
  name  = "Test"
  start = "2027-01"
}

check "refers_to_project" {
  condition     = project.crm.cost < 10
  error_message = "Too expensive."
}

check "no_message" {
  condition = plan.totals.cost < var.limit
}
