namespace Stayfull.Web.Components.Pages.Guest;

/// <summary>Names the guest check-in pages' resource file (<c>CheckInText.resx</c>); another language is another <c>CheckInText.xx.resx</c> beside it.</summary>
public sealed class CheckInText;
