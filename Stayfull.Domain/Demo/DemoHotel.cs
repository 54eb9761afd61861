namespace Stayfull.Domain.Demo;

/// <summary>The demo hotel's fixed facts, shared by the seeder, the README and the tests.</summary>
public static class DemoHotel
{
    public const string Name = "Harbour View Hotel";
    public const string Password = "Demo!2345";
    public const string OwnerEmail = "owner@demo.stayfull.app";
    public const string ManagerEmail = "manager@demo.stayfull.app";
    public const string FrontDeskEmail = "frontdesk@demo.stayfull.app";
    public const string HousekeepingEmail = "housekeeping@demo.stayfull.app";
}
