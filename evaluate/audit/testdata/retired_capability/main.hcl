# Capabilities that only a retired system provided. crm_legacy alone
# provides crm; new_crm retires it from 2027-Q2 without providing crm.
# crm_reports starts after that and crm_sync in 2027-Q2 itself (both
# warned), crm_fix before (not warned).
# wiki_legacy provides wiki, retired by new_wiki, which provides wiki
# itself: wiki_search is not warned. mail provides email with
# mail_backup; only mail is retired: newsletter is not warned.
roadmap {
  name    = "Retired capabilities"
  start   = "2027-Q1"
  horizon = 8
}

system "crm_legacy" {
  provides = ["crm"]
}

system "wiki_legacy" {
  provides = ["wiki"]
}

system "mail" {
  provides = ["email"]
}

system "mail_backup" {
  provides = ["email"]
}

project "new_crm" {
  duration = 1
  replaces = [system.crm_legacy]
}

project "crm_reports" {
  duration       = 1
  requires       = ["crm"]
  earliest_start = "2027-Q3"
}

project "crm_sync" {
  duration       = 1
  requires       = ["crm"]
  earliest_start = "2027-Q2"
}

project "crm_fix" {
  duration = 1
  requires = ["crm"]
}

project "new_wiki" {
  duration = 1
  provides = ["wiki"]
  replaces = [system.wiki_legacy]
}

project "wiki_search" {
  duration       = 1
  requires       = ["wiki"]
  earliest_start = "2027-Q4"
}

project "new_mail" {
  duration = 1
  replaces = [system.mail]
}

project "newsletter" {
  duration       = 1
  requires       = ["email"]
  earliest_start = "2027-Q4"
}
