namespace Dintero.Connections.Errors
{
    /// <summary>
    /// The categories of PowerShell's <c>System.Management.Automation.ErrorCategory</c> that the module reports,
    /// with the same names and numeric values, so the cmdlets convert by value (the engine cannot reference
    /// PowerShell; a module test checks every member against PowerShell's enum).
    /// </summary>
    public enum RecordCategory
    {
        NotSpecified = 0,
        InvalidArgument = 5,
        InvalidOperation = 7,
        InvalidResult = 8,
        ObjectNotFound = 13,
        OperationStopped = 14,
        OperationTimeout = 15,
        PermissionDenied = 18,
        ResourceExists = 20,
        ConnectionError = 27,
        AuthenticationError = 28,
        LimitsExceeded = 29,
        SecurityError = 25,
    }
}
