/** Form fields the settings and the lock share, so each looks and behaves the same everywhere. */
import type { ComponentChildren, Ref } from 'preact';

/** A labelled password field that reports its text as typed. */
export function PasswordField(props: {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  autocomplete: 'current-password' | 'new-password' | 'off';
  required?: boolean;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label class="field">
      {props.label}
      <input
        ref={props.inputRef}
        type="password"
        autocomplete={props.autocomplete}
        required={props.required}
        aria-describedby={props.describedBy}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </label>
  );
}

/** A group of radio buttons, one per choice, each labelled by `label(choice)`. */
export function Choices<T extends string>(props: {
  legend: ComponentChildren;
  name: string;
  choices: readonly T[];
  chosen: T;
  onChoose: (choice: T) => void;
  label: (choice: T) => ComponentChildren;
}) {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice}>
          <input
            type="radio"
            name={props.name}
            value={choice}
            checked={props.chosen === choice}
            onChange={() => props.onChoose(choice)}
          />
          {props.label(choice)}
        </label>
      ))}
    </fieldset>
  );
}
