roadmap {
  name  = "Test"
  start = "2027-01"
}

team "platform" {
  capacity     = 4
  max_parallel = 0
}

team "apps" {
  capacity     = 4
  max_parallel = 1.5
}

project "build_crm" {
  duration = 2
}

project "buy_crm" {
  duration = 1
}

project "migrate" {
  duration   = 1
  depends_on = [project.build_crm]
  together   = [project.buy_crm]
}

project "pilot" {
  duration = 1
  together = [project.pilot, project.rollout]
}

project "rollout" {
  duration = 1
  excluded = true
}

project "portal" {
  duration = 1
  together = [project.portl]
}

choice "crm" {
  title   = "CRM: build or buy"
  options = [project.build_crm, project.buy_crm]
}

choice "crm_again" {
  options = [project.buy_crm, project.portal]
}

choice "lonely" {
  options = [project.portal]
}

choice "twice" {
  options = [project.pilot, project.pilot, project.nothing]
}
