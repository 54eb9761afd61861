namespace Stayfull.Domain.Tenancy;

/// <summary>What a staff member may do in one hotel. A person can hold different roles in different hotels.</summary>
public enum StaffRole
{
    Housekeeping = 0,
    FrontDesk = 1,
    Manager = 2,
    Owner = 3,
}
