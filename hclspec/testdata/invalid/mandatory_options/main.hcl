roadmap {
  name  = "Test"
  start = "2027-01"
}

project "build_crm" {
  duration  = 2
  mandatory = true
}

project "buy_crm" {
  duration  = 1
  mandatory = true
}

project "build_erp" {
  duration = 2
}

project "buy_erp" {
  duration = 1
}

project "finance" {
  duration   = 1
  mandatory  = true
  depends_on = [project.build_erp]
}

project "payroll" {
  duration  = 1
  mandatory = true
  together  = [project.buy_erp]
}

project "build_wiki" {
  duration  = 1
  mandatory = true
  excluded  = true
}

project "buy_wiki" {
  duration  = 1
  mandatory = true
}

choice "crm" {
  options = [project.build_crm, project.buy_crm]
}

choice "erp" {
  options = [project.build_erp, project.buy_erp]
}

choice "wiki" {
  options = [project.build_wiki, project.buy_wiki]
}
