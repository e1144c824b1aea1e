roadmap {
  name  = "Test"
  start = "2027-01"
}

system "crm" {
  title = "CRM"
}

project "new_crm" {
  duration = 2
  replaces = [system.crm, system.crm]
}
