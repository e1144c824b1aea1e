roadmap {
  name  = "Test"
  start = "2027-01"
}

project "sso" {
  duration = 1
}

project "crm" {
  duration   = 1
  depends_on = [project.ssoo, project.erp]
}
