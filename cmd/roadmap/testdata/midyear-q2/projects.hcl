# The projects of the 2027 planning round as they stand in July (status,
# started, finished and progress record the first half-year), and one new
# candidate. Each goes through the
# gates (alignment, departments, viability, resources, risk), is scored and
# ranked, then scheduled in rank order into the quarters where its teams
# have room and its budget has money.
#
# Money is in EUR. cost.one_time is spread over the build quarters; team
# effort is costed at each team's cost_per_fte on top. Benefits start at
# go-live and ramp up over benefit.ramp_periods quarters.

# --- Mandatory work ---------------------------------------------------------

project "nis2_compliance" {
  # Mandatory: the law does not ask whether the business case is good. It
  # skips the alignment, departments and risk gates and ranks first, but it
  # still needs people and money like any other project.
  title     = "NIS2 compliance programme"
  mandatory = true

  # On track: three quarters of the work done in two quarters.
  status  = "in_progress"
  started = "2027-Q1"
  goals   = { secure_operations = 1 }

  # The auditors come in early 2028.
  deadline = "2027-Q4"

  duration = "9 months"
  effort   = { platform = 2, workplace = 1 }
  funding  = budget.security

  cost {
    one_time = 60000 # external auditor and policy templates
    per_year = 15000 # yearly re-assessment
  }
  benefit {
    per_year = 50000 # cyber insurance premium held flat
  }
  risk {
    failure = 0.1
  }
  progress {
    spent            = 95000
    percent_complete = 0.35
  }
}

# --- Security and identity --------------------------------------------------

project "sso_rollout" {
  title       = "Single sign-on for all staff applications"
  goals       = { secure_operations = 0.6, productive_staff = 0.5 }
  endorsed_by = [department.hr, department.finance]
  provides    = ["sso"] # zero_trust_access builds on it

  status  = "in_progress"
  started = "2027-Q1"

  duration = 2
  effort   = { platform = 2, workplace = 1 }
  funding  = budget.security

  cost {
    one_time = 40000
    per_year = 12000
  }
  benefit {
    per_year     = 80000 # fewer password resets at the service desk
    ramp_periods = 1
  }
  risk {
    disruption = 0.1
    security   = 0.05
  }
  progress {
    spent            = 99000
    percent_complete = 0.5
  }
}

project "zero_trust_access" {
  # Depends on single sign-on: identity-aware access needs one identity.
  # It cannot start before sso_rollout has finished.
  title       = "Zero-trust remote access, retiring the VPN"
  goals       = { secure_operations = 0.7, productive_staff = 0.3, modernise_core = 0.3 }
  endorsed_by = [department.hr]
  depends_on  = [project.sso_rollout]
  requires    = ["sso"]

  duration = 2
  effort   = { platform = 2 }
  funding  = budget.capex

  cost {
    one_time = 50000
    per_year = 20000
  }
  benefit {
    per_year = 60000 # VPN appliances and licences retired
  }
  risk {
    disruption = 0.15
    failure    = 0.1
  }
}

project "edr_rollout" {
  # Uses the vendor evaluation in vendors.hcl: the winner's one-time fee is
  # paid when the project starts and its annual fee from go-live, and it
  # provides the "edr" capability this project requires.
  title       = "Endpoint detection and response on every laptop"
  goals       = { secure_operations = 0.8 }
  endorsed_by = [department.operations, department.finance]
  vendor      = evaluation.edr
  requires    = ["edr"]

  # Stopped in April: the spring plan showed it destroys value, and the
  # NIS2 auditors accepted the managed antivirus after all. Its spend is
  # sunk; its workplace FTE are free from the status date.
  status  = "in_progress"
  started = "2027-Q1"

  duration = 2
  effort   = { workplace = 2 }
  funding  = budget.security

  cost {
    one_time = 10000 # rollout scripting
  }
  benefit {
    per_year = 40000 # incident response retainer no longer needed
  }
  risk {
    disruption = 0.1
  }
  progress {
    spent            = 38000
    percent_complete = 0.3
  }
}

# --- Workplace ----------------------------------------------------------------

project "itsm_replacement" {
  title       = "Replace the service desk tool"
  goals       = { productive_staff = 0.6, cut_costs = 0.3 }
  endorsed_by = [department.hr, department.operations]
  vendor      = evaluation.service_desk
  requires    = ["itsm"]

  # The old tool's contract runs until the end of March.
  earliest_start = "2027-Q2"

  # Planned for 2027-Q3, it started a quarter early, in 2027-Q2, with the
  # workplace FTE the EDR rollout left. Half done: one quarter to go.
  status = "committed"

  replaces = [system.service_desk]
  duration = 2
  effort   = { workplace = 2 }
  funding  = budget.capex

  cost {
    one_time = 30000 # data migration
  }
  benefit {
    per_year     = 120000 # self-service deflects a third of the tickets
    ramp_periods = 1
  }
  risk {
    disruption = 0.15
    failure    = 0.1
  }

}

# --- The business applications round: candidates A to E ---------------------
#
# Five departments each brought their favourite project. All five need the
# business applications team (apps, 6 FTE), and each of A, C and D needs 3
# FTE, so at most two of them can run at the same time.
#
#   A  ERP upgrade            the bold one: the most valuable (risk-adjusted
#                             NPV about EUR 750,000) and the riskiest (0.32)
#   B  support chatbot        needs an ML platform nobody provides: dropped
#   C  customer portal        in between: risk 0.28, about EUR 440,000
#   D  warehouse scanning     the safe one (risk 0.235) and the least
#                             profitable (about EUR 180,000)
#   E  CRM replacement        best fit with the goals, but the Head of Sales
#                             opposes it: dropped at the departments gate
#
# In the spring plan (strategy "value") A and C started in 2027-Q1 and D
# waited for the apps team. In July A is on track, C is late and over
# budget, and D, approved, still waits for A's half of the apps team.

project "a_erp_upgrade" {
  title       = "A: Upgrade the ERP to the supported release"
  goals       = { modernise_core = 0.9, cut_costs = 0.5 }
  endorsed_by = [department.finance, department.operations]

  # On track: 70% done after two of its three quarters; it goes live in
  # 2027-Q4.
  status  = "in_progress"
  started = "2027-Q1"

  replaces = [system.erp_2014]
  duration = 3
  effort   = { apps = 3, platform = 1 }
  funding  = budget.capex

  cost {
    one_time = 150000 # integrator
    per_year = 20000
  }
  benefit {
    per_year = 400000 # no extended-support fees, faster month-end close
  }
  risk {
    disruption      = 0.2
    failure         = 0.15
    disruption_cost = 250000 # a botched cut-over stops invoicing for a week
  }
  progress {
    spent            = 160000
    percent_complete = 0.35
  }
}

project "b_support_chatbot" {
  # Nothing in the stack, no vendor and no earlier project provides an ML
  # platform, so this is not viable yet. Providing "ml_platform" (a vendor
  # or a project it depends on) would not be enough: its risk score of 0.51
  # is over the appetite of 0.5, and the plan lists that reason too, up
  # front, because every gate runs for every project.
  title       = "B: AI chatbot for customer support"
  goals       = { grow_online_sales = 0.4, cut_costs = 0.3 }
  endorsed_by = [department.sales]
  requires    = ["ml_platform"]

  duration = 2
  effort   = { apps = 2 }
  funding  = budget.capex

  cost {
    one_time = 90000
    per_year = 40000
  }
  benefit {
    per_year     = 150000
    ramp_periods = 2
  }
  risk {
    security = 0.3
    failure  = 0.3
  }
}

project "c_customer_portal" {
  title       = "C: Customer self-service portal"
  goals       = { grow_online_sales = 0.9, productive_staff = 0.2 }
  endorsed_by = [department.sales]

  # Late and over budget: planned for 2027-Q1..Q3, only 40% done after two
  # quarters, and the integrator asks for 110,000 more than the remaining
  # share of the contract. At this pace it ends in 2028-Q1, two quarters
  # late, and pushes f_portal_payments, which builds on it.
  status  = "in_progress"
  started = "2027-Q1"

  duration = 3
  effort   = { apps = 3 }
  funding  = budget.capex

  cost {
    one_time = 120000
    per_year = 30000 # hosting
  }
  benefit {
    per_year     = 300000 # orders and returns handled online
    ramp_periods = 2
  }
  risk {
    security = 0.1
    failure  = 0.2
  }
  progress {
    spent            = 120000
    percent_complete = 0.25
  }
}

project "d_warehouse_scanning" {
  title       = "D: Warehouse scanning app"
  goals       = { cut_costs = 0.5, productive_staff = 0.7 }
  endorsed_by = [department.operations]

  # Approved in the spring, waiting for the apps team: it keeps its place
  # ahead of the proposed projects.
  status = "committed"

  duration = "6 months"
  effort   = { apps = 3 }
  funding  = budget.capex

  cost {
    one_time = 80000 # handheld scanners
    per_year = 10000
  }
  benefit {
    per_year     = 130000 # fewer picking errors and returns
    ramp_periods = 1
  }
  risk {
    disruption = 0.15
    failure    = 0.1
  }
}

project "e_crm_replacement" {
  # On paper the best project of the round: it serves three goals and pays
  # back fastest. But the Head of Sales will not switch CRM during the 2027
  # sales push, and a CRM the sales team does not use is worth nothing.
  # Dropped at the departments gate; it comes back once sales endorses it.
  title       = "E: Replace the sales CRM"
  goals       = { grow_online_sales = 1, cut_costs = 0.6, productive_staff = 0.5 }
  endorsed_by = [department.finance]
  opposed_by  = [department.sales]

  replaces = [system.crm_legacy]
  duration = 3
  effort   = { apps = 3 }
  funding  = budget.capex

  cost {
    one_time = 140000
    per_year = 30000
  }
  benefit {
    per_year     = 450000 # licence savings and higher win rates
    ramp_periods = 1
  }
  risk {
    disruption = 0.2
    failure    = 0.15
  }
}

# --- New since the spring ---------------------------------------------------

project "f_portal_payments" {
  # Online payments in the customer portal: it needs the portal live, so
  # the portal's slip pushes it.
  title       = "F: Payments in the customer portal"
  goals       = { grow_online_sales = 0.7 }
  endorsed_by = [department.sales, department.finance]
  depends_on  = [project.c_customer_portal]

  duration = 2
  effort   = { apps = 2 }
  funding  = budget.capex

  cost {
    one_time = 60000
    per_year = 12000
  }
  benefit {
    per_year     = 150000
    ramp_periods = 1
  }
  risk {
    security = 0.1
    failure  = 0.1
  }
}
