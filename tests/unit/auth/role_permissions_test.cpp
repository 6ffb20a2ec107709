#include <gtest/gtest.h>

#include "core/auth/permissions.hpp"
#include "core/auth/role.hpp"
#include "core/base/error.hpp"

namespace recall {
namespace {

TEST(Role, NamesRoundTrip) {
  for (Role role :
       {Role::petition_officer, Role::staff, Role::observer, Role::campaigner, Role::moderator, Role::public_user}) {
    EXPECT_EQ(parse_role(to_string(role)), role);
  }
  EXPECT_EQ(parse_role("officer"), Role::petition_officer);
  EXPECT_EQ(to_string(Role::moderator), "moderator");
  EXPECT_EQ(parse_role("admin"), std::nullopt);
  EXPECT_EQ(parse_duty("postal-team"), Duty::postal_team);
  EXPECT_EQ(parse_duty("signing-place-clerk"), Duty::signing_place_clerk);
}

TEST(Role, BadRoleNamesTheField) {
  try {
    (void)role_from_text("admin", "role");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(error.where()->field, "role");
  }
}

TEST(Role, StaffNeedADutyAndOnlyStaffHaveOne) {
  EXPECT_THROW(check_role_and_duty(Role::staff, Duty::none), Error);
  EXPECT_THROW(check_role_and_duty(Role::observer, Duty::postal_team), Error);
  EXPECT_NO_THROW(check_role_and_duty(Role::staff, Duty::postal_team));
  EXPECT_NO_THROW(check_role_and_duty(Role::petition_officer, Duty::none));
}

TEST(Permissions, OfficerManagesEverythingButCampaigns) {
  EXPECT_TRUE(may(Role::petition_officer, Duty::none, Permission::manage_users));
  EXPECT_TRUE(may(Role::petition_officer, Duty::none, Permission::read_audit_log));
  EXPECT_TRUE(may(Role::petition_officer, Duty::none, Permission::run_count));
  EXPECT_FALSE(may(Role::petition_officer, Duty::none, Permission::manage_campaign));
}

TEST(Permissions, StaffGetOnlyTheirDuty) {
  EXPECT_TRUE(may(Role::staff, Duty::signing_place_clerk, Permission::mark_register_in_person));
  EXPECT_FALSE(may(Role::staff, Duty::signing_place_clerk, Permission::record_postal_signature));
  EXPECT_TRUE(may(Role::staff, Duty::postal_team, Permission::record_postal_signature));
  EXPECT_FALSE(may(Role::staff, Duty::postal_team, Permission::mark_register_in_person));
  EXPECT_FALSE(may(Role::staff, Duty::postal_team, Permission::manage_users));
  EXPECT_FALSE(may(Role::staff, Duty::none, Permission::view_public));
}

TEST(Permissions, ObserversCampaignersAndPublic) {
  EXPECT_TRUE(may(Role::observer, Duty::none, Permission::observe_proceedings));
  EXPECT_FALSE(may(Role::observer, Duty::none, Permission::mark_register_in_person));
  EXPECT_TRUE(may(Role::campaigner, Duty::none, Permission::manage_campaign));
  EXPECT_FALSE(may(Role::campaigner, Duty::none, Permission::observe_proceedings));
  EXPECT_TRUE(may(Role::moderator, Duty::none, Permission::moderate_public_petitions));
  EXPECT_TRUE(may(Role::moderator, Duty::none, Permission::view_public));
  EXPECT_FALSE(may(Role::moderator, Duty::none, Permission::manage_petition));
  EXPECT_FALSE(may(Role::moderator, Duty::none, Permission::read_audit_log));
  EXPECT_TRUE(may(Role::petition_officer, Duty::none, Permission::moderate_public_petitions))
      << "the command line acts as the officer";
  EXPECT_FALSE(may(Role::campaigner, Duty::none, Permission::moderate_public_petitions));
  EXPECT_FALSE(may(Role::observer, Duty::none, Permission::moderate_public_petitions));
  EXPECT_FALSE(may(Role::staff, Duty::postal_team, Permission::moderate_public_petitions));
  EXPECT_FALSE(may(Role::public_user, Duty::none, Permission::moderate_public_petitions));
  EXPECT_TRUE(may(Role::public_user, Duty::none, Permission::view_public));
  EXPECT_FALSE(may(Role::public_user, Duty::none, Permission::read_audit_log));
  EXPECT_EQ(to_string(Permission::manage_users), "manage-users");
}

}  // namespace
}  // namespace recall
