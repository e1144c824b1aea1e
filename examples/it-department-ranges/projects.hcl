# The candidate projects of the 2027 planning round, as in
# examples/it-department, but with the estimates the teams are unsure of
# given as ranges: pert(low, likely, high), triangular(low, likely, high)
# or uniform(low, high). Each range's likely value (the midpoint for
# uniform) is the number examples/it-department uses, so `roadmap plan`
# gives the same plan; `roadmap simulate` samples the ranges and shows how
# likely each date and figure is.
#
# Each goes through the gates (alignment, departments, viability,
# resources, risk), is scored and ranked, then scheduled in rank order into
# the quarters where its teams have room and its budget has money.
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
  goals     = { secure_operations = 1 }

  # The auditors come in early 2028.
  deadline = "2027-Q4"

  # First-time compliance work: the auditor's findings decide how long the
  # remediation takes.
  duration = pert("6 months", "9 months", "15 months")
  effort   = { platform = triangular(1.5, 2, 3), workplace = 1 }
  funding  = budget.security

  cost {
    one_time = pert(50000, 60000, 100000) # external auditor and policy templates
    per_year = 15000                      # yearly re-assessment
  }
  benefit {
    per_year = 50000 # cyber insurance premium held flat
  }
  risk {
    failure = 0.1
  }
}

# --- Security and identity --------------------------------------------------

project "sso_rollout" {
  title       = "Single sign-on for all staff applications"
  goals       = { secure_operations = 0.6, productive_staff = 0.5 }
  endorsed_by = [department.hr, department.finance]
  provides    = ["sso"] # zero_trust_access builds on it

  duration = pert(2, 2, 4) # every legacy application is a surprise
  effort   = { platform = 2, workplace = 1 }
  funding  = budget.security

  cost {
    one_time = pert(30000, 40000, 70000)
    per_year = 12000
  }
  benefit {
    per_year     = uniform(60000, 100000) # fewer password resets at the service desk
    ramp_periods = 1
  }
  risk {
    disruption = 0.1
    security   = 0.05
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

  duration = triangular(2, 2, 3)
  effort   = { platform = 2 }
  funding  = budget.capex

  cost {
    one_time = pert(40000, 50000, 90000)
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

  duration = 2
  effort   = { workplace = triangular(1.5, 2, 3) }
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

  duration = pert(2, 2, 4)
  effort   = { workplace = 2 }
  funding  = budget.capex

  cost {
    one_time = 30000 # data migration
  }
  benefit {
    per_year     = pert(80000, 120000, 140000) # self-service deflects a third of the tickets
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
# Which two of A, C and D start in 2027-Q1 is the strategy's call; the
# third waits for the apps team:
#
#   value            A and C (the two best scores); D waits
#   safety           D and C (the two safest); A, the bold one, waits
#   calculated_risk  A, the most valuable, is the flagship and D, the
#                    safest, joins it; C waits

project "a_erp_upgrade" {
  title       = "A: Upgrade the ERP to the supported release"
  goals       = { modernise_core = 0.9, cut_costs = 0.5 }
  endorsed_by = [department.finance, department.operations]

  duration = pert(3, 3, 6) # ERP upgrades overrun
  effort   = { apps = 3, platform = 1 }
  funding  = budget.capex

  cost {
    one_time = pert(120000, 150000, 300000) # integrator
    per_year = 20000
  }
  benefit {
    per_year = triangular(280000, 400000, 460000) # no extended-support fees, faster month-end close
  }
  risk {
    disruption      = 0.2
    failure         = 0.15
    disruption_cost = 250000 # a botched cut-over stops invoicing for a week
  }
}

project "b_support_chatbot" {
  # Nothing in the stack, no vendor and no earlier project provides an ML
  # platform, so this is not viable yet. Providing "ml_platform" (a vendor
  # or a project it depends on) would bring it back.
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

  duration = pert(2, 3, 5)
  effort   = { apps = 3 }
  funding  = budget.capex

  cost {
    one_time = 120000
    per_year = 30000 # hosting
  }
  benefit {
    per_year     = pert(150000, 300000, 400000) # orders and returns handled online
    ramp_periods = 2
  }
  risk {
    security = 0.1
    failure  = 0.2
  }
}

project "d_warehouse_scanning" {
  title       = "D: Warehouse scanning app"
  goals       = { cut_costs = 0.5, productive_staff = 0.7 }
  endorsed_by = [department.operations]

  duration = pert("6 months", "6 months", "1 year")
  effort   = { apps = 3 }
  funding  = budget.capex

  cost {
    one_time = uniform(70000, 90000) # handheld scanners
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
