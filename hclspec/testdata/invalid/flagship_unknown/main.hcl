roadmap {
  start    = "2027-Q1"
  flagship = project.crm_migraton
}

project "crm_migration" {
  duration = 1
}
