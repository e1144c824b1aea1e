# The installed base: the systems the department runs today. Their
# capabilities join the stack; a project that replaces one retires it at
# go-live, and its run cost stops then (a saving in that project's
# finance). `roadmap audit` lists each system's end of support, its
# replacement's go-live and the gap between them.

system "erp_2014" {
  title          = "ERP (2014 release)"
  owner          = department.finance
  vendor         = "Navision"
  provides       = ["erp_legacy"]
  end_of_support = "2027-Q2"

  run_cost {
    per_year = 10000
  }
  risk {
    security   = 0.15
    disruption = 0.1
  }
}

system "service_desk" {
  title          = "On-premises service desk"
  owner          = department.operations
  vendor         = "OTRS"
  provides       = ["ticketing"]
  end_of_support = "2027-Q2"

  run_cost {
    per_year = 8000
  }
  risk {
    security = 0.1
  }
}

system "crm_legacy" {
  title          = "Legacy CRM"
  owner          = department.sales
  vendor         = "in-house"
  provides       = ["crm_legacy"]
  end_of_support = "2028-Q2"

  run_cost {
    per_year = 30000
  }
  risk {
    disruption = 0.2
  }
}

system "backup" {
  title          = "Backup appliance"
  owner          = department.operations
  vendor         = "Veritas"
  provides       = ["backup"]
  end_of_support = "2029-Q4"

  run_cost {
    per_year = 12000
  }
}
