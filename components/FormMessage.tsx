/** A form's last result: an error the user must see, or a quiet status. */
export interface FormMessageState {
  error: boolean;
  text: string;
}

/** Shows a form's last result as an alert (error) or a status, or nothing. */
export function FormMessage({ message }: { message: FormMessageState | null }) {
  if (!message) return null;
  return (
    <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
      {message.text}
    </span>
  );
}
