namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>
/// The storm, fault and kill tests each load the machine fully for a minute or more: they run on their own,
/// after the other tests, so neither slows the other into a spurious timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StormsRunAlone
{
    public const string Name = "Reliability storms";
}
